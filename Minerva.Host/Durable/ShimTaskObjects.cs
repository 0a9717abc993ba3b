using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace Minerva.Host.Durable;

/// <summary>
/// How DurableTask.Core's dispatchers find the code of an orchestration or activity by name: a new instance of the
/// core's <see cref="ITaskOrchestrator"/> or <see cref="ITaskActivity"/> class of that name (activities built with
/// their services from DI), wrapped in the SDK's shim so the same classes run here as in Azure Functions.
/// </summary>
internal sealed class ShimTaskObjects<T>(IReadOnlyList<Type> types, Func<TaskName, Type, T> create) : INameVersionObjectManager<T>
{
    private readonly Dictionary<string, Type> byName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Orchestrators: stateless classes with a parameterless constructor, one per execution.</summary>
    public static ShimTaskObjects<TaskOrchestration> Orchestrations(IReadOnlyList<Type> types, DurableTaskShimFactory shims) =>
        new(types, (name, type) => shims.CreateOrchestration(name, (ITaskOrchestrator)Activator.CreateInstance(type)!));

    /// <summary>Activities: constructed with their services from <paramref name="services"/>, one per call.</summary>
    public static ShimTaskObjects<TaskActivity> Activities(IReadOnlyList<Type> types, DurableTaskShimFactory shims, IServiceProvider services) =>
        new(types, (name, type) => shims.CreateActivity(name, (ITaskActivity)ActivatorUtilities.CreateInstance(services, type)));

    /// <summary>Null for a name no class has: the dispatcher then fails that orchestration or activity with a clear error.</summary>
    public T? GetObject(string name, string? version) =>
        byName.TryGetValue(name, out var type) ? create(name, type) : default;

    /// <summary>Registration is by the type list given at construction.</summary>
    public void Add(ObjectCreator<T> creator) =>
        throw new NotSupportedException("Tasks are registered by the type list given to the constructor.");
}
