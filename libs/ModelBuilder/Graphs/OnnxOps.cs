using Platform.ModelBuilder.Onnx;

namespace Platform.ModelBuilder.Graphs;

/// <summary>Typed shorthands for the ONNX operators the model builders use (opset 17).</summary>
public static class OnnxOps
{
    public static string Add(this GraphBuilder g, string a, string b) => g.Node("Add", [a, b]);

    public static string Sub(this GraphBuilder g, string a, string b) => g.Node("Sub", [a, b]);

    public static string Mul(this GraphBuilder g, string a, string b) => g.Node("Mul", [a, b]);

    public static string Div(this GraphBuilder g, string a, string b) => g.Node("Div", [a, b]);

    public static string MatMul(this GraphBuilder g, string a, string b) => g.Node("MatMul", [a, b]);

    public static string Greater(this GraphBuilder g, string a, string b) => g.Node("Greater", [a, b]);

    public static string Where(this GraphBuilder g, string condition, string x, string y) =>
        g.Node("Where", [condition, x, y]);

    public static string Softmax(this GraphBuilder g, string x, long axis = -1) =>
        g.Node("Softmax", [x], Attr.Int("axis", axis));

    public static string Transpose(this GraphBuilder g, string x, params long[] perm) =>
        g.Node("Transpose", [x], Attr.Ints("perm", perm));

    public static string Reshape(this GraphBuilder g, string x, params long[] shape) =>
        g.Node("Reshape", [x, g.Int64Vector(shape)]);

    public static string Unsqueeze(this GraphBuilder g, string x, params long[] axes) =>
        g.Node("Unsqueeze", [x, g.Int64Vector(axes)]);

    public static string ReduceMean(this GraphBuilder g, string x, params long[] axes) =>
        g.Node("ReduceMean", [x], Attr.Ints("axes", axes), Attr.Int("keepdims", 0));

    public static string ReduceMax(this GraphBuilder g, string x, params long[] axes) =>
        g.Node("ReduceMax", [x], Attr.Ints("axes", axes), Attr.Int("keepdims", 0));

    public static string ReduceMin(this GraphBuilder g, string x, params long[] axes) =>
        g.Node("ReduceMin", [x], Attr.Ints("axes", axes), Attr.Int("keepdims", 0));

    public static string ReduceSum(this GraphBuilder g, string x, params long[] axes) =>
        g.Node("ReduceSum", [x, g.Int64Vector(axes)], Attr.Int("keepdims", 0));

    public static string Squeeze(this GraphBuilder g, string x, params long[] axes) =>
        g.Node("Squeeze", [x, g.Int64Vector(axes)]);

    /// <summary>Elements <paramref name="start"/>..<paramref name="end"/> (exclusive) of the last axis.</summary>
    public static string SliceLast(this GraphBuilder g, string x, long start, long end) =>
        g.Node("Slice", [x, g.Int64Vector(start), g.Int64Vector(end), g.Int64Vector(-1)]);

    public static string Min(this GraphBuilder g, string a, string b) => g.Node("Min", [a, b]);

    public static string Relu(this GraphBuilder g, string x) => g.Node("Relu", [x]);

    public static string Clip(this GraphBuilder g, string x, float min, float max) =>
        g.Node("Clip", [x, g.FloatScalar(min), g.FloatScalar(max)]);

    public static string Einsum(this GraphBuilder g, string equation, params string[] inputs) =>
        g.Node("Einsum", inputs, Attr.String("equation", equation));

    public static string Concat(this GraphBuilder g, long axis, params string[] inputs) =>
        g.Node("Concat", inputs, Attr.Int("axis", axis));

    public static string Gather(this GraphBuilder g, string data, string indices, long axis = 0) =>
        g.Node("Gather", [data, indices], Attr.Int("axis", axis));

    public static string Cast(this GraphBuilder g, string x, TensorProto.Types.DataType to) =>
        g.Node("Cast", [x], Attr.Int("to", (long)to));

    public static string Range(this GraphBuilder g, string start, string limit) =>
        g.Node("Range", [start, limit, g.Int64Scalar(1)]);

    /// <summary>The size of one axis of <paramref name="x"/> as an int64 scalar.</summary>
    public static string DimSize(this GraphBuilder g, string x, long axis) =>
        g.Gather(g.Node("Shape", [x]), g.Int64Scalar(axis));

    public static string LayerNorm(this GraphBuilder g, string x, string scale, string bias) =>
        g.Node("LayerNormalization", [x, scale, bias], Attr.Int("axis", -1), Attr.Float("epsilon", 1e-5f));

    /// <summary>Exact GELU, 0.5·x·(1 + erf(x/√2)), as BERT/ViT/GPT-2 exports compute it.</summary>
    public static string Gelu(this GraphBuilder g, string x)
    {
        var erf = g.Node("Erf", [g.Mul(x, g.FloatScalar(0.70710678f))]);
        return g.Mul(g.Mul(x, g.FloatScalar(0.5f)), g.Add(erf, g.FloatScalar(1f)));
    }
}
