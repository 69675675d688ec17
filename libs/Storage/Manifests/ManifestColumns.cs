namespace Platform.Storage.Manifests;

/// <summary>The layout of a CSV/TSV header: id, optional image, and caption columns named by language.</summary>
internal sealed class ManifestColumns
{
    private readonly List<(int Index, string Language)> captionColumns = [];

    private ManifestColumns(int count) => Count = count;

    public int Count { get; }
    public int Id { get; private set; } = -1;
    public int Image { get; private set; } = -1;

    /// <summary>Reports every header problem, then throws: with a bad header no row can be read reliably.</summary>
    public static ManifestColumns Parse(string[] header, long line, ManifestValidation validation)
    {
        var columns = new ManifestColumns(header.Length);
        for (var index = 0; index < header.Length; index++)
        {
            columns.Add(index, header[index].Trim(), line, validation);
        }

        if (columns.Id < 0)
        {
            validation.Report(line, "missing required column 'id'");
        }

        validation.ThrowIfInvalid();
        return columns;
    }

    public CaptionsBuilder Captions(string[] record)
    {
        var captions = new CaptionsBuilder();
        foreach (var (index, language) in captionColumns)
        {
            captions.Add(language, record[index]);
        }

        return captions;
    }

    private void Add(int index, string name, long line, ManifestValidation validation)
    {
        switch (name)
        {
            case "id" when Id >= 0:
            case "image" when Image >= 0:
                validation.Report(line, $"column '{name}' appears more than once");
                break;
            case "id":
                Id = index;
                break;
            case "image":
                Image = index;
                break;
            case var _ when LanguageCode.IsValid(name):
                captionColumns.Add((index, name));
                break;
            default:
                validation.Report(line, $"unknown column '{name}': expected 'id', 'image' or a language code such as 'en' or 'de_DE'");
                break;
        }
    }
}
