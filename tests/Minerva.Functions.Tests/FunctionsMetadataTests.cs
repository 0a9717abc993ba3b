using Microsoft.DurableTask;
using Minerva.Service.Api;
using Minerva.Service.Orchestration;

namespace Minerva.Functions.Tests;

public sealed class FunctionsMetadataTests
{
    private static readonly FunctionsMetadata Metadata = FunctionsMetadata.Load();

    /// <summary>Every route and method of the API table, as the standalone host maps them.</summary>
    public static TheoryData<string, string> ApiRoutesAndMethods => new()
    {
        { "POST", ApiRoutes.Repositories },
        { "GET", ApiRoutes.Repositories },
        { "GET", ApiRoutes.Repository },
        { "POST", ApiRoutes.Imports },
        { "GET", ApiRoutes.Imports },
        { "GET", ApiRoutes.Import },
        { "PUT", ApiRoutes.Import },
        { "DELETE", ApiRoutes.Import },
        { "GET", ApiRoutes.ImportCredentials },
        { "GET", ApiRoutes.ImportFilesets },
        { "GET", ApiRoutes.ImportOrchestration },
        { "POST", ApiRoutes.ImportFiles },
        { "POST", ApiRoutes.CheckImages },
        { "GET", ApiRoutes.Image },
        { "GET", ApiRoutes.ImageZarr },
        { "GET", ApiRoutes.SharedZarr },
        { "HEAD", ApiRoutes.SharedZarr },
        { "OPTIONS", ApiRoutes.SharedZarr },
        { "GET", ApiRoutes.SharedViewer },
        { "GET", ApiRoutes.ViewerAssets },
        { "GET", ApiRoutes.DurableInstance },
        { "DELETE", ApiRoutes.DurableInstance },
        { "POST", ApiRoutes.DurableInstanceEvent },
        { "POST", ApiRoutes.DurableInstanceOperation },
    };

    [Theory]
    [MemberData(nameof(ApiRoutesAndMethods))]
    public void HttpTrigger_EveryApiRoute_IsBoundAnonymouslyWithItsMethod(string method, string route)
    {
        var matches = Metadata.Functions
            .Select(f => f.Trigger)
            .Where(t => t.Type == "httpTrigger" && t.Route == route && t.Methods.Contains(method))
            .ToList();

        var trigger = Assert.Single(matches);
        Assert.Equal("Anonymous", trigger.AuthLevel, ignoreCase: true);
    }

    [Fact]
    public void HttpTriggers_AreExactlyTheApiRoutes()
    {
        var bound = Metadata.Functions.Select(f => f.Trigger).Where(t => t.Type == "httpTrigger")
            .SelectMany(t => t.Methods.Select(m => (m, t.Route))).Order().ToList();
        var api = ApiRoutesAndMethods.Select(row => ((string)row[0], (string?)row[1])).Order().ToList();

        Assert.Equal(api, bound);
    }

    [Fact]
    public void HttpTriggers_ThatReachTheOrchestration_HaveADurableClientBinding()
    {
        string[] needClient =
        [
            "CreateImport", "GetImport", "CompleteImport", "CancelImport", "GetImportOrchestration", "ListImportFilesets",
            "GetInstanceStatus", "PurgeInstanceHistory", "RaiseInstanceEvent", "OperateInstance",
        ];
        foreach (var name in needClient)
        {
            var function = Assert.Single(Metadata.Functions, f => f.Name == name);
            Assert.Contains(function.Bindings, b => b.Type == "durableClient" && b.Direction == "In");
        }
    }

    /// <summary>
    /// The Functions host refuses a function whose route starts with "admin" or "runtime" (ScriptHost.ValidateHttpFunction:
    /// "The specified route conflicts with one or more built in routes"): those are its own, runtime/webhooks/durabletask
    /// the Durable extension's.
    /// </summary>
    [Fact]
    public void HttpTriggers_NoRouteInTheFunctionsHostsOwnSpace()
    {
        var routes = Metadata.Functions.Select(f => f.Trigger).Where(t => t.Type == "httpTrigger").Select(t => t.Route!.Trim('/').ToLowerInvariant());

        Assert.All(routes, route => Assert.False(route.StartsWith("admin", StringComparison.Ordinal) || route.StartsWith("runtime", StringComparison.Ordinal), route));
    }

    public static TheoryData<string> Orchestrators => new(DurableTasks(typeof(TaskOrchestrator<,>)));

    public static TheoryData<string> Activities => new(DurableTasks(typeof(TaskActivity<,>)));

    [Theory]
    [MemberData(nameof(Orchestrators))]
    public void OrchestrationTrigger_EveryOrchestratorOfTheCore_IsAFunctionOfTheSameName(string name) =>
        Assert.Equal("orchestrationTrigger", Assert.Single(Metadata.Functions, f => f.Name == name).Trigger.Type);

    [Theory]
    [MemberData(nameof(Activities))]
    public void ActivityTrigger_EveryActivityOfTheCore_IsAFunctionOfTheSameName(string name) =>
        Assert.Equal("activityTrigger", Assert.Single(Metadata.Functions, f => f.Name == name).Trigger.Type);

    /// <summary>The names the core's orchestrators schedule: its concrete TaskOrchestrator/TaskActivity classes.</summary>
    private static IEnumerable<string> DurableTasks(Type baseType) =>
        typeof(ImportOrchestrator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == baseType)
            .Select(t => t.Name)
            .Order();
}
