using System.ComponentModel.DataAnnotations;
using Platform.Api.Services;

namespace Platform.Api.Options;

/// <summary>The training runs whose checkpoints are registered and evaluated as they appear.</summary>
public sealed class CheckpointWatchOptions : IValidatableObject
{
    public const string Section = "CheckpointWatch";

    public List<CheckpointWatch> Watches { get; set; } = [];

    /// <summary>Registrations of one folder that may fail before the watcher gives up on it (until the folder changes).</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (watch, index) in Watches.Select((watch, index) => (watch, index)))
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(watch, new ValidationContext(watch), results, validateAllProperties: true);
            if (JobRequestValidator.CheckLanguages(watch.Languages) is { } languageProblem)
            {
                results.Add(new ValidationResult(languageProblem));
            }
            foreach (var result in results)
            {
                yield return new ValidationResult($"{Section}:Watches:{index}: {result.ErrorMessage}", [.. result.MemberNames.Select(m => $"Watches:{index}:{m}")]);
            }
        }
        if (Watches.GroupBy(w => w.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            yield return new ValidationResult($"{Section}: two watches are named '{twice.Key}'.");
        }
    }
}
