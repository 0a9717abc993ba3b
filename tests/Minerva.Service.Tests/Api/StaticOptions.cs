using Microsoft.Extensions.Options;

namespace Minerva.Service.Tests.Api;

/// <summary>Options that never change, for handlers built directly in tests.</summary>
internal sealed class StaticOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}

internal static class StaticOptions
{
    public static StaticOptions<T> Of<T>(T value) => new(value);
}
