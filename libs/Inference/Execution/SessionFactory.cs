using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace Platform.Inference.Execution;

/// <summary>
/// Creates ONNX Runtime sessions on one execution provider, chosen once: CUDA when configured and
/// available, else CPU. The same code compiles against the CPU and the GPU runtime packages.
/// </summary>
public sealed class SessionFactory(ExecutionOptions options, ILogger? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger.Instance;
    private readonly Lock gate = new();
    private ExecutionProvider? chosen;

    public ExecutionOptions Options { get; } = options;

    /// <summary>The provider sessions run on (Cpu or Cuda); decided on first use and logged.</summary>
    public ExecutionProvider ActiveProvider
    {
        get
        {
            lock (gate)
            {
                chosen ??= Choose();
                return chosen.Value;
            }
        }
    }

    /// <summary>Loads by path so that ONNX Runtime finds external data files beside the model.</summary>
    public InferenceSession Create(string modelPath)
    {
        using var sessionOptions = CreateSessionOptions(ActiveProvider);
        return OrtFailures.Guard(() => new InferenceSession(modelPath, sessionOptions));
    }

    private SessionOptions CreateSessionOptions(ExecutionProvider provider)
    {
        var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = Options.IntraOpThreads,
            InterOpNumThreads = Options.InterOpThreads,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", Options.AllowSpinning ? "1" : "0");
        if (provider == ExecutionProvider.Cuda)
        {
            sessionOptions.AppendExecutionProvider_CUDA(Options.DeviceId);
        }
        return sessionOptions;
    }

    private ExecutionProvider Choose()
    {
        if (Options.Provider == ExecutionProvider.Cpu)
        {
            logger.LogInformation("ONNX Runtime execution provider: CPU (configured)");
            return ExecutionProvider.Cpu;
        }
        var failure = ProbeCuda();
        if (failure is null)
        {
            logger.LogInformation("ONNX Runtime execution provider: CUDA device {DeviceId}", Options.DeviceId);
            return ExecutionProvider.Cuda;
        }
        if (Options.Provider == ExecutionProvider.Cuda)
        {
            throw new InvalidOperationException(
                $"The CUDA execution provider was requested but is not available: {failure.Message}", failure);
        }
        logger.LogWarning("ONNX Runtime execution provider: CPU (CUDA unavailable: {Reason})", failure.Message);
        return ExecutionProvider.Cpu;
    }

    private Exception? ProbeCuda()
    {
        try
        {
            using var probe = new SessionOptions();
            probe.AppendExecutionProvider_CUDA(Options.DeviceId);
            return null;
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            return e;
        }
    }
}
