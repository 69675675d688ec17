namespace Platform.Storage.Manifests;

public sealed class ManifestFormatException(IReadOnlyList<ManifestError> errors)
    : Exception(Describe(errors))
{
    private const int ErrorsInMessage = 10;

    public IReadOnlyList<ManifestError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<ManifestError> errors)
    {
        var shown = string.Join("; ", errors.Take(ErrorsInMessage));
        var more = errors.Count > ErrorsInMessage ? $"; and {errors.Count - ErrorsInMessage} more" : "";
        return $"The manifest is invalid ({errors.Count} error(s)): {shown}{more}";
    }
}
