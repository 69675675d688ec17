namespace Platform.Data.Entities;

public enum CheckpointTask
{
    ImageToText,
    TextToText,
}
