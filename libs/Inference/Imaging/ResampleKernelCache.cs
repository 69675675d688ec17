using System.Collections.Concurrent;

namespace Platform.Inference.Imaging;

/// <summary>
/// Shares kernels between threads: a dataset has few distinct (input size, output size) pairs, so most
/// images reuse coefficients. Bounded, since input sizes are user data.
/// </summary>
internal static class ResampleKernelCache
{
    // At most 512 x 256 KB. A 1000 -> 224 bicubic kernel is about 19 KB; kernels past 256 KB come
    // from shrinking by more than about 40 times, rare and cheap next to decoding such an image.
    private const int Capacity = 512;
    private const int LargestCached = 1 << 16;

    private static readonly ConcurrentDictionary<(int InSize, int OutSize, ResamplingFilter Filter), ResampleKernel> Kernels = new();

    public static ResampleKernel Get(int inSize, int outSize, ResamplingFilter filter)
    {
        var key = (inSize, outSize, filter);
        if (Kernels.TryGetValue(key, out var kernel))
        {
            return kernel;
        }
        kernel = ResampleKernel.Compute(inSize, outSize, filter);
        if (kernel.Coefficients.Length > LargestCached)
        {
            return kernel;
        }
        if (Kernels.Count >= Capacity)
        {
            Kernels.Clear();
        }
        return Kernels.GetOrAdd(key, kernel);
    }
}
