using Platform.Data.Entities;

namespace Platform.Api.Services;

internal sealed record JobListQuery(JobStatus? Status, JobKind? Kind, Guid? DatasetId, Guid? ParentJobId, JobCursor? After, int Limit);
