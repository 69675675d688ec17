using Platform.Metrics.Coco;

namespace Platform.Metrics.Tests.Coco;

public sealed class NumpyMeanTests
{
    [Fact]
    public void Fewer_than_eight_values_are_summed_in_order()
    {
        Assert.Equal((((0.1 + 0.2) + 0.3) + 0.4) / 4, NumpyMean.Of([0.1, 0.2, 0.3, 0.4]));
    }

    [Fact]
    public void Eight_to_128_values_use_eight_interleaved_accumulators()
    {
        // numpy pairwise_sum for n = 10: r[j] = a[j] (j < 8), then ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then + a[8] + a[9].
        double[] a = [1e16, 1, -1e16, 1, 3, 5, 7, 11, 13, 17];
        var expected = ((((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7]))) + a[8] + a[9]) / 10;

        Assert.Equal(expected, NumpyMean.Of(a));
    }

    [Fact]
    public void More_than_128_values_split_in_halves_rounded_to_multiples_of_eight()
    {
        var a = Enumerable.Range(0, 300).Select(i => 1.0 / (i + 1)).ToArray();
        static double Block(double[] v)
        {
            var r = v[..8].ToArray();
            var i = 8;
            for (; i < v.Length - (v.Length % 8); i += 8)
            {
                for (var j = 0; j < 8; j++)
                {
                    r[j] += v[i + j];
                }
            }

            var s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < v.Length; i++)
            {
                s += v[i];
            }

            return s;
        }

        // n = 300: half 150 -> 144; the right part (156) splits again at 78 -> 72.
        var expected = (Block(a[..144]) + (Block(a[144..216]) + Block(a[216..]))) / 300;

        Assert.Equal(expected, NumpyMean.Of(a));
    }
}
