using System.Text.Json;

namespace Platform.Storage.Manifests;

/// <summary>
/// One JSON Lines item: {"id": "..." | 123, "image": "...", "captions": {"en": "a cat" | ["a cat", "a kitten"]}}.
/// Numeric ids are kept as written: COCO-style datasets number their images.
/// </summary>
internal static class JsonManifestObject
{
    public static ManifestItem? ToItem(long line, JsonElement root, ManifestValidation validation)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            validation.Report(line, "expected a JSON object");
            return null;
        }

        string? id = null;
        string? image = null;
        var captions = new CaptionsBuilder();
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "id" when property.Value.ValueKind == JsonValueKind.Number:
                    id = property.Value.GetRawText();
                    break;
                case "id":
                    id = StringOrNull(line, property, validation);
                    break;
                case "image":
                    image = StringOrNull(line, property, validation);
                    break;
                case "captions":
                    AddCaptions(line, property.Value, captions, validation);
                    break;
                default:
                    validation.Report(line, $"unknown property '{property.Name}': expected 'id', 'image' or 'captions'");
                    break;
            }
        }

        return validation.Accept(line, id, image, captions);
    }

    private static void AddCaptions(long line, JsonElement value, CaptionsBuilder captions, ManifestValidation validation)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            validation.Report(line, "'captions' must be an object mapping a language code to a caption or a list of captions");
            return;
        }

        foreach (var language in value.EnumerateObject())
        {
            if (!LanguageCode.IsValid(language.Name))
            {
                validation.Report(line, $"'{language.Name}' is not a language code such as 'en' or 'de_DE'");
            }
            else if (language.Value.ValueKind == JsonValueKind.String)
            {
                captions.Add(language.Name, language.Value.GetString());
            }
            else if (language.Value.ValueKind == JsonValueKind.Array && language.Value.EnumerateArray().All(c => c.ValueKind == JsonValueKind.String))
            {
                foreach (var caption in language.Value.EnumerateArray())
                {
                    captions.Add(language.Name, caption.GetString());
                }
            }
            else
            {
                validation.Report(line, $"captions of '{language.Name}' must be a string or a list of strings");
            }
        }
    }

    private static string? StringOrNull(long line, JsonProperty property, ManifestValidation validation)
    {
        if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
        {
            return property.Value.GetString();
        }

        validation.Report(line, $"'{property.Name}' must be a string");
        return null;
    }
}
