using MediatR;

namespace Gaoxin.Api.Infrastructure.Mediation;

/// <summary>A read. Never runs inside a write transaction.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;

/// <summary>A write. The transaction behaviour runs its handler inside one database transaction.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>, ICommand;

/// <summary>Non-generic marker, so behaviours can tell a command from a query at run time.</summary>
public interface ICommand;
