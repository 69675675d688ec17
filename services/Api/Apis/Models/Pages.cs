namespace Platform.Api.Apis.Models;

public sealed record JobPage(IReadOnlyList<JobResponse> Items, string? Next);

public sealed record ResultItem(string Item, long Ordinal, string Language, string Text, double? Score, IReadOnlyList<string> Flags);

public sealed record ResultPage(IReadOnlyList<ResultItem> Items, string? Next);

public sealed record FailureItem(string Item, long Ordinal, string? Language, string Reason, string Detail);

public sealed record FailurePage(IReadOnlyList<FailureItem> Items, long? NextAfterOrdinal);
