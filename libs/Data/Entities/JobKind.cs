namespace Platform.Data.Entities;

public enum JobKind
{
    Captions,
    Translations,
    Evaluations,
    /// <summary>Scores existing text (another job's results, or uploaded hypotheses) against a dataset's references.</summary>
    Scoring,
}
