using Platform.Data.Entities;

namespace Platform.Api.Services;

internal sealed record JobListQuery(JobStatus? Status, JobKind? Kind, Guid? DatasetId, JobCursor? After, int Limit);
