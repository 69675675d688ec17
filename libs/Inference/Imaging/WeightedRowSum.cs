using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Platform.Inference.Imaging;

/// <summary>sum[i] += row[i] * weight over a row of bytes, in SIMD lanes where the hardware has them.</summary>
internal static class WeightedRowSum
{
    public static void Accumulate(Span<int> acc, ReadOnlySpan<byte> row, int weight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(acc.Length, row.Length, nameof(acc));
        ref var sum = ref MemoryMarshal.GetReference(acc);
        ref var value = ref MemoryMarshal.GetReference(row);
        var weights = new Vector<int>(weight);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var lanes = Vector<int>.Count;
            for (; i <= row.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                Vector.Widen(Vector.LoadUnsafe(ref value, (nuint)i), out var low, out var high);
                Vector.Widen(low, out var a, out var b);
                Vector.Widen(high, out var c, out var d);
                AddScaled(ref sum, i, a, weights);
                AddScaled(ref sum, i + lanes, b, weights);
                AddScaled(ref sum, i + (2 * lanes), c, weights);
                AddScaled(ref sum, i + (3 * lanes), d, weights);
            }
        }
        for (; i < row.Length; i++)
        {
            Unsafe.Add(ref sum, i) += Unsafe.Add(ref value, i) * weight;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddScaled(ref int sum, int offset, Vector<uint> values, Vector<int> weights) =>
        (Vector.LoadUnsafe(ref sum, (nuint)offset) + (Vector.AsVectorInt32(values) * weights)).StoreUnsafe(ref sum, (nuint)offset);
}
