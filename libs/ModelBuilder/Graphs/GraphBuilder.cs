using System.Runtime.InteropServices;
using Google.Protobuf;
using Platform.ModelBuilder.Onnx;

namespace Platform.ModelBuilder.Graphs;

/// <summary>
/// Builds an ONNX graph with generated, deterministic value names. Initializers always live in the
/// root graph, so the branches of an <c>If</c> share one copy of each weight.
/// </summary>
public sealed class GraphBuilder
{
    private readonly GraphProto graph;
    private readonly GraphBuilder? parent;
    private readonly HashSet<string> initializerNames = new(StringComparer.Ordinal);
    private int counter;

    public GraphBuilder(string name)
        : this(name, parent: null)
    {
    }

    private GraphBuilder(string name, GraphBuilder? parent)
    {
        graph = new GraphProto { Name = name };
        this.parent = parent;
    }

    private GraphBuilder Root => parent?.Root ?? this;

    /// <summary>A builder for a subgraph (an <c>If</c> branch) whose value names carry its name as a prefix.</summary>
    public GraphBuilder Subgraph(string name) => new(name, this);

    public string Input(string name, TensorProto.Types.DataType type, params Dim[] dims)
    {
        graph.Input.Add(OnnxProtos.ValueInfo(name, type, dims));
        return name;
    }

    /// <summary>Exposes <paramref name="value"/> as the graph output <paramref name="name"/>; <c>null</c> dims leave the shape unknown.</summary>
    public void Output(string value, string name, TensorProto.Types.DataType type, Dim[]? dims)
    {
        if (value != name)
        {
            graph.Node.Add(OnnxProtos.Node("Identity", [value], [name], []));
        }

        graph.Output.Add(OnnxProtos.ValueInfo(name, type, dims));
    }

    public string Node(string opType, string[] inputs, params AttributeProto[] attributes) =>
        Nodes(opType, inputs, 1, attributes)[0];

    public string[] Nodes(string opType, string[] inputs, int outputCount, params AttributeProto[] attributes)
    {
        var outputs = new string[outputCount];
        for (var i = 0; i < outputCount; i++)
        {
            outputs[i] = NextName(opType);
        }

        graph.Node.Add(OnnxProtos.Node(opType, inputs, outputs, attributes));
        return outputs;
    }

    /// <summary>Adds (once) a named float initializer to the root graph.</summary>
    public string Initializer(string name, ReadOnlySpan<long> dims, Func<float[]> values)
    {
        var root = Root;
        if (root.initializerNames.Add(name))
        {
            var tensor = OnnxProtos.Tensor(name, TensorProto.Types.DataType.Float, dims);
            tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values().AsSpan()));
            root.graph.Initializer.Add(tensor);
        }

        return name;
    }

    public string Floats(ReadOnlySpan<long> dims, params float[] values)
    {
        var root = Root;
        var name = root.NextName("float");
        return Initializer(name, dims, () => values);
    }

    public string Int64s(ReadOnlySpan<long> dims, params long[] values)
    {
        var root = Root;
        var name = root.NextName("int64");
        var tensor = OnnxProtos.Tensor(name, TensorProto.Types.DataType.Int64, dims);
        tensor.Int64Data.AddRange(values);
        root.initializerNames.Add(name);
        root.graph.Initializer.Add(tensor);
        return name;
    }

    public string Int64Vector(params long[] values) => Int64s([values.Length], values);

    public string Int64Scalar(long value) => Int64s([], value);

    public string FloatScalar(float value) => Floats([], value);

    public GraphProto Build() => graph.Clone();

    private string NextName(string hint) =>
        $"{(parent is null ? string.Empty : graph.Name + "/")}{hint}_{counter++}";
}
