namespace Platform.Inference.Execution;

public enum ExecutionProvider
{
    /// <summary>CUDA when the runtime package and a device are present, else CPU.</summary>
    Auto,
    Cpu,
    Cuda,
}
