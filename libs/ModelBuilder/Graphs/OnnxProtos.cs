using Platform.ModelBuilder.Onnx;

namespace Platform.ModelBuilder.Graphs;

/// <summary>Factories for the ONNX protobuf messages a graph is made of.</summary>
internal static class OnnxProtos
{
    public static NodeProto Node(string opType, string[] inputs, string[] outputs, AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = outputs[0] };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        return node;
    }

    public static TensorProto Tensor(string name, TensorProto.Types.DataType type, ReadOnlySpan<long> dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type };
        tensor.Dims.AddRange(dims.ToArray());
        return tensor;
    }

    public static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, Dim[]? dims)
    {
        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)type };
        if (dims is not null)
        {
            tensorType.Shape = new TensorShapeProto();
            foreach (var dim in dims)
            {
                tensorType.Shape.Dim.Add(dim.Name is null
                    ? new TensorShapeProto.Types.Dimension { DimValue = dim.Value ?? 0 }
                    : new TensorShapeProto.Types.Dimension { DimParam = dim.Name });
            }
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensorType } };
    }
}
