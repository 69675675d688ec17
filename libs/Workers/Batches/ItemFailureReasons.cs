using Platform.Inference.Imaging;

namespace Platform.Workers.Batches;

/// <summary>Reason codes for items that fail after their input was fetched.</summary>
public static class ItemFailureReasons
{
    public const string EmptyText = "empty_text";
    public const string MissingInput = "missing_input";
    public const string UnsupportedLanguage = "unsupported_language";
    public const string CheckpointUnavailable = "checkpoint_unavailable";

    public static string Of(ImageRejectionReason reason) => reason switch
    {
        ImageRejectionReason.Empty or ImageRejectionReason.NotAnImage => "not_an_image",
        ImageRejectionReason.Truncated => "truncated",
        ImageRejectionReason.TooManyPixels => "decompression_bomb",
        ImageRejectionReason.TooLarge => "too_large",
        _ => "unsupported_image",
    };
}
