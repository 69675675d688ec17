using Platform.Inference.Execution;

namespace Platform.Inference.Tests.Execution;

public sealed class SessionFactoryTests
{
    // The test build references the CPU runtime package, which has no CUDA provider.
    [Fact]
    public void Auto_falls_back_to_the_cpu_when_cuda_is_unavailable() =>
        Assert.Equal(ExecutionProvider.Cpu, new SessionFactory(new ExecutionOptions()).ActiveProvider);

    [Fact]
    public void Cuda_required_but_unavailable_is_an_error()
    {
        var factory = new SessionFactory(new ExecutionOptions { Provider = ExecutionProvider.Cuda });

        var error = Assert.Throws<InvalidOperationException>(() => factory.ActiveProvider);
        Assert.Contains("CUDA execution provider was requested", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : Non-zero status code returned while running MatMul node. Failed to allocate memory for requested buffer of size 1073741824", true)]
    [InlineData("CUDA failure 2: out of memory ; GPU=0", true)]
    [InlineData("[ONNXRuntimeError] : 2 : INVALID_ARGUMENT : Got invalid dimensions for input: input_ids", false)]
    public void Allocation_failure_messages_are_recognised(string message, bool outOfMemory) =>
        Assert.Equal(outOfMemory, OrtFailures.IsOutOfMemory(message));

    [Fact]
    public void An_allocation_onnx_runtime_cannot_serve_is_an_inference_out_of_memory_exception()
    {
        var error = Assert.Throws<InferenceOutOfMemoryException>(() => Tensors.Allocate(Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float, [1L << 42]));

        Assert.IsType<Microsoft.ML.OnnxRuntime.OnnxRuntimeException>(error.InnerException);
    }

    [Fact]
    public void A_managed_allocation_failure_becomes_an_inference_out_of_memory_exception()
    {
        var failure = new OutOfMemoryException("Array dimensions exceeded supported range.");

        var thrown = Assert.Throws<InferenceOutOfMemoryException>(() => OrtFailures.Guard<int>(() => throw failure));

        Assert.Same(failure, thrown.InnerException);
    }
}
