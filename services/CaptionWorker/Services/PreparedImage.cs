using Platform.Contracts;

namespace Platform.CaptionWorker.Services;

/// <summary>An item's image as model input (channel-first floats), ready for a micro-batch.</summary>
public sealed record PreparedImage(WorkItem Item, float[] Pixels);
