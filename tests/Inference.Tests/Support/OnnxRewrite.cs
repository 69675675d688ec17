using Google.Protobuf;
using Platform.ModelBuilder.Onnx;
using DataType = Platform.ModelBuilder.Onnx.TensorProto.Types.DataType;

namespace Platform.Inference.Tests.Support;

/// <summary>Rewrites ModelBuilder's ONNX files into the other shapes optimum exports: fp16 I/O, external data.</summary>
internal static class OnnxRewrite
{
    /// <summary>Writes <paramref name="target"/>: the model with the given float inputs and outputs as float16 (Cast at the edges).</summary>
    public static void WithFloat16Edges(string source, string target, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs)
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(source));
        var graph = model.Graph;
        foreach (var input in graph.Input.Where(input => inputs.Contains(input.Name)))
        {
            Rename(graph, input.Name, input.Name + "_fp32");
            input.Type.TensorType.ElemType = (int)DataType.Float16;
            graph.Node.Insert(0, Cast(input.Name, input.Name + "_fp32", DataType.Float));
        }
        foreach (var output in graph.Output.Where(output => outputs.Contains(output.Name)))
        {
            Rename(graph, output.Name, output.Name + "_fp32");
            output.Type.TensorType.ElemType = (int)DataType.Float16;
            graph.Node.Add(Cast(output.Name + "_fp32", output.Name, DataType.Float16));
        }
        File.WriteAllBytes(target, model.ToByteArray());
    }

    /// <summary>Moves every initializer into <c>{file}_data</c> beside the model, as files over 2 GB are exported.</summary>
    public static void WithExternalData(string path)
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        var dataFile = Path.GetFileName(path) + "_data";
        using var data = File.Create(Path.Combine(Path.GetDirectoryName(path)!, dataFile));
        foreach (var initializer in model.Graph.Initializer.Where(initializer => initializer.RawData.Length > 0))
        {
            var offset = data.Position;
            initializer.RawData.WriteTo(data);
            initializer.RawData = ByteString.Empty;
            initializer.DataLocation = TensorProto.Types.DataLocation.External;
            initializer.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = dataFile });
            initializer.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = offset.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            initializer.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = (data.Position - offset).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        File.WriteAllBytes(path, model.ToByteArray());
    }

    private static void Rename(GraphProto graph, string from, string to)
    {
        foreach (var node in graph.Node)
        {
            for (var i = 0; i < node.Input.Count; i++)
            {
                node.Input[i] = node.Input[i] == from ? to : node.Input[i];
            }
            for (var i = 0; i < node.Output.Count; i++)
            {
                node.Output[i] = node.Output[i] == from ? to : node.Output[i];
            }
        }
    }

    private static NodeProto Cast(string input, string output, DataType to)
    {
        var node = new NodeProto { OpType = "Cast", Name = "cast_" + output };
        node.Input.Add(input);
        node.Output.Add(output);
        node.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)to });
        return node;
    }
}
