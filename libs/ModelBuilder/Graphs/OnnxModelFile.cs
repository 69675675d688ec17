using Google.Protobuf;
using Platform.ModelBuilder.Onnx;

namespace Platform.ModelBuilder.Graphs;

/// <summary>Wraps a graph into an ONNX model (IR 8, default opset 17) and writes it.</summary>
public static class OnnxModelFile
{
    public const int Opset = 17;

    public static void Write(GraphBuilder graph, string path)
    {
        var model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "Platform.ModelBuilder",
            ProducerVersion = "1",
            Graph = graph.Build(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = Opset });
        File.WriteAllBytes(path, model.ToByteArray());
    }
}
