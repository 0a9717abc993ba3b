using System.Diagnostics;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Minerva.Host.Durable;
using Minerva.Service.Configuration;
using Minerva.Testing.Services;

namespace Minerva.Functions.Tests.LocalSettings;

/// <summary>
/// local.settings.json, host.json, the services <c>./run.sh --services-only</c> starts for them, the standalone host's
/// defaults and the README's walkthrough under Core Tools: one set of settings, read by each as it reads them.
/// </summary>
public sealed class LocalSettingsTests
{
    private readonly LocalSettingsFile _settings = LocalSettingsFile.Load();

    [Fact]
    public void LocalSettings_FunctionsApp_BindsEveryValueItIsGiven()
    {
        using var services = FunctionsServices(_settings.Configuration);
        var s3 = services.GetRequiredService<IOptions<S3Options>>().Value;
        var minerva = services.GetRequiredService<IOptions<MinervaOptions>>().Value;
        var values = _settings.Values;

        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal(
            (values["S3__Endpoint"], values["S3__Region"], values["S3__Bucket"], values["S3__AccessKey"], values["S3__SecretKey"], values["S3__StsRoleArn"]),
            (s3.Endpoint, s3.Region, s3.Bucket, s3.AccessKey, s3.SecretKey, s3.StsRoleArn));
        Assert.Equal(_settings.ApiKey.User, minerva.ApiKeys[_settings.ApiKey.Key]);
        Assert.Equal(TimeSpan.Parse(values["Minerva__UploadTimeout"], System.Globalization.CultureInfo.InvariantCulture), minerva.UploadTimeout);

        // A misspelt name would bind nothing and leave a default in place, silently.
        Assert.All(values.Keys.Where(k => k.StartsWith("S3__", StringComparison.Ordinal)), k => Assert.NotNull(typeof(S3Options).GetProperty(k[4..])));
        Assert.All(
            values.Keys.Where(k => k.StartsWith("Minerva__", StringComparison.Ordinal)),
            k => Assert.NotNull(typeof(MinervaOptions).GetProperty(k["Minerva__".Length..].Split("__")[0])));
    }

    [Fact]
    public void AzureWebJobsStorage_DevelopmentStorage_IsAzuriteOnItsDefaultPorts()
    {
        using var services = FunctionsServices(_settings.Configuration);

        Assert.Equal("UseDevelopmentStorage=true", _settings.Values["AzureWebJobsStorage"]);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), services.GetRequiredService<TableServiceClient>().Uri);
    }

    [Fact]
    public async Task ServicesOnly_LocalSettings_PlansExactlyTheirServices()
    {
        var plan = await PlanAsync(LocalSettingsFile.Path);
        var values = _settings.Values;

        Assert.Equal("10000 10001 10002", plan["WANT_AZURITE_PORTS"]);
        Assert.Equal(values["S3__Endpoint"], plan["WANT_S3_ENDPOINT"]);
        Assert.Equal(new Uri(values["S3__Endpoint"]).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), plan["WANT_S3_PORT"]);
        Assert.Equal(
            (values["S3__AccessKey"], values["S3__SecretKey"], values["S3__Region"], values["S3__Bucket"]),
            (plan["WANT_S3_ACCESS_KEY"], plan["WANT_S3_SECRET_KEY"], plan["WANT_S3_REGION"], plan["WANT_S3_BUCKET"]));
        Assert.Equal(values["S3__StsRoleArn"], $"arn:aws:iam:::role/{plan["WANT_S3_ROLE"]}");
    }

    [Fact]
    public void HostJson_Routes_AreAtTheRootAndTheHubIsTheStandaloneHosts()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")))!;
        var durable = host["extensions"]!["durableTask"]!;
        var standalone = new DurableHostOptions();

        Assert.Equal("", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        Assert.Equal(standalone.TaskHub, durable["hubName"]!.GetValue<string>());
        Assert.Equal(standalone.MaxQueuePollingInterval, TimeSpan.Parse(durable["storageProvider"]!["maxQueuePollingInterval"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void StandaloneDefaults_AppSettings_AreTheSameServices()
    {
        var appSettings = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot.Path, "Minerva.Host", "appsettings.json")).Build();

        Assert.All(_settings.Configuration.Where(kv => kv.Key != "FUNCTIONS_WORKER_RUNTIME"), kv => Assert.Equal(kv.Value, appSettings[kv.Key]));
    }

    [Fact]
    public void Readme_CoreToolsSection_StartsTheseServicesThenFuncStartWithThisKey()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var start = readme.IndexOf("## Run under Azure Functions Core Tools", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no section 'Run under Azure Functions Core Tools'.");
        var section = readme[start..readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];
        var commands = section[(section.IndexOf("```bash", StringComparison.Ordinal) + 7)..];
        var lines = commands[..commands.IndexOf("```", StringComparison.Ordinal)].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('#')[0].Trim()).ToList();

        Assert.Equal("./run.sh --services-only &", lines[0]);
        Assert.Equal("cd Minerva.Functions && func start", lines[1]);
        Assert.Contains($"export MINERVA_URL=http://localhost:7071 MINERVA_API_KEY={_settings.ApiKey.Key}", lines);
        Assert.Contains(lines, l => l.StartsWith("minerva import ", StringComparison.Ordinal));
    }

    private static ServiceProvider FunctionsServices(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddMinervaFunctions(configuration).BuildServiceProvider();
    }

    /// <summary>What functions-services.sh (the services of ./run.sh --services-only) would start for a settings file.</summary>
    private static async Task<Dictionary<string, string>> PlanAsync(string settings)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(RepositoryRoot.Path, "scripts", "functions-services.sh"), "--plan", settings })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1].Trim('\''));
    }
}
