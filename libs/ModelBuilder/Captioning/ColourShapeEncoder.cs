using Platform.ModelBuilder.Graphs;
using Platform.ModelBuilder.Onnx;

namespace Platform.ModelBuilder.Captioning;

/// <summary>
/// Hand-set image features from normalised pixels (mean/std 0.5), any size: "ink" is how far a
/// pixel is from white; the ink-weighted mean colour picks the nearest palette colour, and the
/// ratio of ink area to the inked bounding box picks the shape (triangle ½, circle π/4, square 1),
/// which holds under any resize, even one that changes the aspect ratio.
/// <c>last_hidden_state</c> is [batch, 1, 7]: colour probabilities (4) then shape probabilities (3).
/// </summary>
public static class ColourShapeEncoder
{
    public const int Hidden = 7;

    // Sharp but finite softmaxes: near one-hot for clean inputs, with margins for resampling and JPEG noise.
    private const float ColourSharpness = 30f;
    private const float ShapeSharpness = 400f;
    private static readonly float[] FillRatios = [MathF.PI / 4, 1f, 0.5f];

    public static void Write(string path)
    {
        var g = new GraphBuilder("encoder_model");
        var pixels = g.Input("pixel_values", TensorProto.Types.DataType.Float, "batch_size", 3, "height", "width");
        var rgb = g.Mul(g.Add(pixels, g.FloatScalar(1f)), g.FloatScalar(0.5f));
        var ink = g.Sub(g.FloatScalar(1f), g.ReduceMin(rgb, 1));

        // Ignore faint JPEG ringing around the shape and in the background.
        var solid = g.Clip(g.Div(g.Sub(ink, g.FloatScalar(0.1f)), g.FloatScalar(0.7f)), 0f, 1f);
        var colour = g.Softmax(g.Mul(PaletteScores(g, rgb, solid), g.FloatScalar(ColourSharpness)));
        var shape = g.Softmax(g.Mul(ShapeScores(g, solid), g.FloatScalar(ShapeSharpness)));
        var features = g.Unsqueeze(g.Concat(1, colour, shape), 1);
        g.Output(features, "last_hidden_state", TensorProto.Types.DataType.Float, ["batch_size", 1, Hidden]);
        OnnxModelFile.Write(g, path);
    }

    /// <summary>−‖c − p‖² + ‖c‖² = 2c·p − ‖p‖² for the weighted mean colour c and each palette colour p.</summary>
    private static string PaletteScores(GraphBuilder g, string rgb, string solid)
    {
        var weight = g.Mul(solid, solid);
        var weighted = g.ReduceSum(g.Mul(rgb, g.Unsqueeze(weight, 1)), 2, 3);
        var total = g.Add(g.Unsqueeze(g.ReduceSum(weight, 1, 2), 1), g.FloatScalar(1e-6f));
        var mean = g.Div(weighted, total);
        var palette = SyntheticImages.Palette;
        var doubled = new float[3 * palette.Count];
        var norms = new float[palette.Count];
        for (var k = 0; k < palette.Count; k++)
        {
            float[] p = [palette[k].Red / 255f, palette[k].Green / 255f, palette[k].Blue / 255f];
            for (var c = 0; c < 3; c++)
            {
                doubled[(c * palette.Count) + k] = 2 * p[c];
                norms[k] -= p[c] * p[c];
            }
        }

        return g.Add(g.MatMul(mean, g.Floats([3, palette.Count], doubled)), g.Floats([palette.Count], norms));
    }

    /// <summary>−(fill − ratio)² for each shape's ideal fill ratio of its bounding box.</summary>
    private static string ShapeScores(GraphBuilder g, string solid)
    {
        var area = g.ReduceSum(solid, 1, 2);
        var columns = InkedLines(g, g.ReduceMax(solid, 1));
        var rows = InkedLines(g, g.ReduceMax(solid, 2));
        var fill = g.Unsqueeze(g.Div(area, g.Add(g.Mul(columns, rows), g.FloatScalar(1e-6f))), 1);
        var difference = g.Sub(fill, g.Floats([FillRatios.Length], FillRatios));
        return g.Sub(g.FloatScalar(0f), g.Mul(difference, difference));
    }

    private static string InkedLines(GraphBuilder g, string lineMaxima) =>
        g.ReduceSum(g.Cast(g.Greater(lineMaxima, g.FloatScalar(0.5f)), TensorProto.Types.DataType.Float), 1);
}
