namespace Platform.Data.Entities;

public enum JobKind
{
    Captions,
    Translations,
    Evaluations,
}
