using System.Text.Json;

namespace Minerva.Cli.Api;

/// <summary>An API answer read into <typeparamref name="T"/>, with the raw JSON kept for <c>--json</c>.</summary>
internal sealed record Answer<T>(T Value, JsonElement Raw);
