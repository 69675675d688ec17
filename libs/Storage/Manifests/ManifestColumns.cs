namespace Platform.Storage.Manifests;

/// <summary>The layout of a CSV/TSV header: id, optional image, and caption columns named by language.</summary>
internal sealed class ManifestColumns
{
    private const int HeaderLine = 1;

    private readonly List<(int Index, string Language)> captionColumns = [];

    private ManifestColumns(int count) => Count = count;

    public int Count { get; }
    public int Id { get; private set; } = -1;
    public int Image { get; private set; } = -1;

    /// <summary>Reports every header problem, then throws: with a bad header no row can be read reliably.</summary>
    public static ManifestColumns Parse(string[] header, ManifestValidation validation)
    {
        var columns = new ManifestColumns(header.Length);
        for (var index = 0; index < header.Length; index++)
        {
            columns.Add(index, header[index], validation);
        }

        if (columns.Id < 0)
        {
            validation.Report(HeaderLine, "missing required column 'id'");
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

    private void Add(int index, string name, ManifestValidation validation)
    {
        switch (name)
        {
            case "id" when Id >= 0:
            case "image" when Image >= 0:
                validation.Report(HeaderLine, $"column '{name}' appears more than once");
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
                validation.Report(HeaderLine, $"unknown column '{name}': expected 'id', 'image' or a language code such as 'en' or 'de_DE'");
                break;
        }
    }
}
