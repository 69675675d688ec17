using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Testing;

/// <summary>How the Api writes JSON (web defaults, enums as strings), for reading its answers.</summary>
public static class TestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
