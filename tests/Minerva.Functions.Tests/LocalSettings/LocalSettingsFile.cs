using System.Text.Json;
using System.Text.Json.Nodes;
using Minerva.Testing.Services;

namespace Minerva.Functions.Tests.LocalSettings;

/// <summary>
/// The repository's local.settings.json: the Values Core Tools hands the Functions app as environment variables
/// (a "__" in a name is a ":" in the app's configuration).
/// </summary>
internal sealed record LocalSettingsFile(JsonObject Json)
{
    public static string Path => System.IO.Path.Combine(RepositoryRoot.Path, "local.settings.json");

    public static LocalSettingsFile Load() => new(JsonNode.Parse(File.ReadAllText(Path))!.AsObject());

    public IReadOnlyDictionary<string, string> Values =>
        Json["Values"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);

    /// <summary>The app's configuration as the environment variables provider reads these Values.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Configuration =>
        Values.Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), (string?)v.Value));

    /// <summary>The one API key the settings define (Minerva__ApiKeys__KEY = user).</summary>
    public (string Key, string User) ApiKey
    {
        get
        {
            const string Prefix = "Minerva__ApiKeys__";
            var key = Assert.Single(Values, v => v.Key.StartsWith(Prefix, StringComparison.Ordinal));
            return (key.Key[Prefix.Length..], key.Value);
        }
    }

    /// <summary>The same settings with Azurite and the S3 on other loopback ports (this machine is shared; 10000-10002 may be taken).</summary>
    public LocalSettingsFile OnPorts(int blob, int queue, int table, int s3)
    {
        var copy = JsonNode.Parse(Json.ToJsonString())!.AsObject();
        copy["Values"]!["AzureWebJobsStorage"] = AzuriteProcess.ConnectionStringFor(blob, queue, table);
        copy["Values"]!["S3__Endpoint"] = $"http://127.0.0.1:{s3}";
        return new LocalSettingsFile(copy);
    }

    public void Save(string path) => File.WriteAllText(path, Json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
}
