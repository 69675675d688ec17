using System.Collections.Concurrent;

namespace Platform.Inference.Imaging;

/// <summary>
/// Shares kernels between threads: a dataset has few distinct (input size, output size) pairs, so most
/// images reuse coefficients. Bounded, since input sizes are user data.
/// </summary>
internal static class ResampleKernelCache
{
    private const int Capacity = 4096;

    private static readonly ConcurrentDictionary<(int InSize, int OutSize, ResamplingFilter Filter), ResampleKernel> Kernels = new();

    public static ResampleKernel Get(int inSize, int outSize, ResamplingFilter filter)
    {
        var key = (inSize, outSize, filter);
        if (Kernels.TryGetValue(key, out var kernel))
        {
            return kernel;
        }
        if (Kernels.Count >= Capacity)
        {
            Kernels.Clear();
        }
        return Kernels.GetOrAdd(key, static k => ResampleKernel.Compute(k.InSize, k.OutSize, k.Filter));
    }
}
