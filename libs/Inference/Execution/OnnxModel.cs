using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Platform.Inference.Execution;

/// <summary>One ONNX Runtime session and its declared inputs and outputs; safe to run concurrently.</summary>
internal sealed class OnnxModel(InferenceSession session, string path) : IDisposable
{
    public string FileName { get; } = System.IO.Path.GetFileName(path);

    public IReadOnlyDictionary<string, NodeMetadata> Inputs => session.InputMetadata;

    public IReadOnlyDictionary<string, NodeMetadata> Outputs => session.OutputMetadata;

    public bool HasInput(string name) => session.InputMetadata.ContainsKey(name);

    public bool HasOutput(string name) => session.OutputMetadata.ContainsKey(name);

    public TensorElementType InputType(string name) => session.InputMetadata[name].ElementDataType;

    public IDisposableReadOnlyCollection<OrtValue> Run(
        NamedInputs inputs, IReadOnlyCollection<string> outputs, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        try
        {
            return OrtFailures.Guard(() => session.Run(runOptions, inputs.Names, inputs.Values, outputs));
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    public void Dispose() => session.Dispose();
}
