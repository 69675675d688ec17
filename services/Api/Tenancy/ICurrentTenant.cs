namespace Platform.Api.Tenancy;

/// <summary>The tenant the current request acts for. Services take the id explicitly; endpoints get it from here.</summary>
public interface ICurrentTenant
{
    Guid Id { get; }
}
