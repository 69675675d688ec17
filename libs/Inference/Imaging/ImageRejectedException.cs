namespace Platform.Inference.Imaging;

/// <summary>An input that cannot become model pixels; the item fails, the job goes on.</summary>
public sealed class ImageRejectedException(ImageRejectionReason reason, string message) : Exception(message)
{
    public ImageRejectionReason Reason { get; } = reason;
}
