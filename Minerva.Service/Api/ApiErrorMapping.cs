using Microsoft.AspNetCore.Http;
using Minerva.Service.Storage;

namespace Minerva.Service.Api;

/// <summary>
/// Turns exceptions that mean "the caller sent something unusable" into 4xx API errors, so no caller mistake is
/// ever answered with a 500 and a stack trace. Everything else is a real server fault and stays one.
/// </summary>
public static class ApiErrorMapping
{
    public static ApiException? ToApiException(Exception exception) => exception switch
    {
        ApiException e => e,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            new ApiException(StatusCodes.Status413PayloadTooLarge, "too_large", "The request body is larger than this route accepts."),
        BadHttpRequestException e => ApiException.BadRequest("bad_request", e.Message),
        InvalidDataException e => ApiException.BadRequest("invalid_multipart", $"The multipart/form-data body is malformed: {e.Message}"),
        RangeNotSatisfiableException e => new ApiException(StatusCodes.Status416RangeNotSatisfiable, "range_not_satisfiable", e.Message),
        _ => null,
    };
}
