namespace Platform.Inference.Imaging;

/// <summary>Why an item's image was refused; workers report it per item.</summary>
public enum ImageRejectionReason
{
    Empty,
    NotAnImage,
    Truncated,
    TooManyPixels,
    TooLarge,
    Unsupported,
}
