using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Minerva.Functions.Tests.InProcess;

/// <summary>
/// Calls the Functions app's HTTP functions in-process as the Functions host and worker do, for HttpClients of the
/// conformance suite: the route and methods come from the build's functions.metadata (most specific route first, as
/// ASP.NET Core routing orders them), the method from its entryPoint, the class from the app's services; the function
/// gets a real HttpRequest (ASP.NET Core integration) with the request's method, path, query, headers and body, its
/// route values by parameter name, and the [DurableClient] DurableTaskClient. No route: 404 without a body, as the host answers.
/// </summary>
internal sealed class FunctionsAppHandler(IServiceProvider services, DurableTaskClient client) : HttpMessageHandler
{
    private readonly IReadOnlyList<HttpFunction> _functions = HttpFunction.FromMetadata();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = PathString.FromUriComponent(request.RequestUri!);
        if (Match(request.Method.Method, path) is not var (function, values))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
        }

        await using var scope = services.CreateAsyncScope();
        var context = await ContextAsync(request, path, values, scope.ServiceProvider, cancellationToken);
        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Method.DeclaringType!);
        var arguments = function.Method.GetParameters().Select(p => Bind(p, context, values, cancellationToken)).ToArray();
        await (Task)function.Method.Invoke(instance, arguments)!;
        return Response(request, context.Response);
    }

    private (HttpFunction Function, RouteValueDictionary Values)? Match(string method, PathString path)
    {
        foreach (var function in _functions.Where(f => f.Methods.Contains(method)))
        {
            var values = new RouteValueDictionary();
            if (function.Route.TryMatch(path, values))
            {
                return (function, values);
            }
        }

        return null;
    }

    private static async Task<HttpContext> ContextAsync(
        HttpRequestMessage message, PathString path, RouteValueDictionary values, IServiceProvider services, CancellationToken ct)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        var request = context.Request;
        request.Method = message.Method.Method;
        request.Scheme = message.RequestUri!.Scheme;
        request.Host = HostString.FromUriComponent(message.RequestUri);
        request.Path = path;
        request.QueryString = QueryString.FromUriComponent(message.RequestUri);
        foreach (var (name, value) in message.Headers.Concat(message.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            request.Headers.Append(name, value.ToArray());
        }

        request.Body = message.Content is null ? Stream.Null : await message.Content.ReadAsStreamAsync(ct);
        request.RouteValues = values;
        context.Response.Body = new MemoryStream();
        return context;
    }

    /// <summary>What the worker binds to a parameter of an HTTP function; anything else fails the test, as it would need a new binding.</summary>
    private object? Bind(ParameterInfo parameter, HttpContext context, RouteValueDictionary values, CancellationToken ct) => parameter.ParameterType switch
    {
        var t when t == typeof(HttpRequest) => context.Request,
        var t when t == typeof(DurableTaskClient) => client,
        var t when t == typeof(CancellationToken) => ct,
        var t when t == typeof(string) => values.TryGetValue(parameter.Name!, out var value) ? value?.ToString() : null,
        _ => throw new NotSupportedException($"{parameter.Member.DeclaringType!.Name}.{parameter.Member.Name} takes {parameter.ParameterType.Name} {parameter.Name}, which this invoker does not bind."),
    };

    private static HttpResponseMessage Response(HttpRequestMessage request, HttpResponse response)
    {
        var message = new HttpResponseMessage((HttpStatusCode)response.StatusCode)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(((MemoryStream)response.Body).ToArray()),
        };
        foreach (var (name, value) in response.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value.ToArray()))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value.ToArray());
            }
        }

        return message;
    }

    /// <summary>An HTTP function of functions.metadata: its route template, methods and method.</summary>
    private sealed record HttpFunction(TemplateMatcher Route, IReadOnlyList<string> Methods, MethodInfo Method)
    {
        public static IReadOnlyList<HttpFunction> FromMetadata()
        {
            var assembly = typeof(FunctionsServices).Assembly;
            return [.. FunctionsMetadata.Load().Functions
                .Where(f => f.Trigger.Type == "httpTrigger")
                .Select(f => (Template: TemplateParser.Parse(f.Trigger.Route!), Function: f))
                .OrderBy(f => RoutePrecedence.ComputeInbound(f.Template))
                .Select(f => new HttpFunction(
                    new TemplateMatcher(f.Template, new RouteValueDictionary()),
                    f.Function.Trigger.Methods,
                    EntryPoint(assembly, f.Function.EntryPoint)))];
        }

        private static MethodInfo EntryPoint(Assembly assembly, string entryPoint)
        {
            var dot = entryPoint.LastIndexOf('.');
            var type = assembly.GetType(entryPoint[..dot], throwOnError: true)!;
            return type.GetMethod(entryPoint[(dot + 1)..]) ?? throw new InvalidOperationException($"functions.metadata names {entryPoint}, which does not exist.");
        }
    }
}
