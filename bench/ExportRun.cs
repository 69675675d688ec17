using System.Text.Json.Serialization;

namespace Platform.Bench;

/// <summary>One measured export of the exports suite.</summary>
internal sealed record ExportRun(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("rows_per_second")] double RowsPerSecond,
    [property: JsonPropertyName("peak_managed_heap_mib")] double PeakManagedHeapMib,
    [property: JsonPropertyName("allocated_mib")] double AllocatedMib);
