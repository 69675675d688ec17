using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Platform.ModelBuilder.Tests.Support;

/// <summary>A real ONNX Runtime session that is fed only the inputs the model declares.</summary>
internal sealed class OnnxModel(string path) : IDisposable
{
    private readonly InferenceSession session = new(path);

    public IReadOnlyDictionary<string, NodeMetadata> Inputs => session.InputMetadata;

    public IReadOnlyDictionary<string, NodeMetadata> Outputs => session.OutputMetadata;

    public Dictionary<string, DenseTensor<float>> Run(IReadOnlyDictionary<string, NamedOnnxValue> inputs)
    {
        var feed = session.InputMetadata.Keys.Select(name => inputs.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"Missing input {name}")).ToList();
        using var results = session.Run(feed);
        return results.ToDictionary(r => r.Name, r =>
        {
            var tensor = r.AsTensor<float>();
            return new DenseTensor<float>(tensor.ToArray(), tensor.Dimensions);
        });
    }

    public void Dispose() => session.Dispose();
}
