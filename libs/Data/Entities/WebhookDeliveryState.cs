namespace Platform.Data.Entities;

public enum WebhookDeliveryState
{
    /// <summary>An attempt is due (now or at <see cref="WebhookDelivery.NextAttemptAt"/>).</summary>
    Pending,
    /// <summary>The receiver answered 2xx.</summary>
    Succeeded,
    /// <summary>The retry schedule ran out, the receiver answered 410, or its address is refused.</summary>
    Failed,
    /// <summary>Its endpoint was disabled before it could be delivered.</summary>
    Cancelled,
}
