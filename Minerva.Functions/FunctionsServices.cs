using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Minerva.Functions.Api;
using Minerva.Service;
using Minerva.Service.Orchestration;

namespace Minerva.Functions;

/// <summary>The Functions app's services, one call: Program.cs runs it, and tests build exactly these to call the functions in-process.</summary>
public static class FunctionsServices
{
    public static IServiceCollection AddMinervaFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMinervaService(configuration);

        // What the activities need; the workflow itself is made per call around the [DurableClient] binding.
        services.AddImportActivities(configuration);
        services.AddSingleton<WorkflowFactory>();
        return services;
    }
}
