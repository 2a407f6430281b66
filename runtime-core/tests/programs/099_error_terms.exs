# Errors the VM raises are Erlang terms: `catch` sees the term, `rescue` the exception Elixir makes of it.
defmodule Probe do
  def zero, do: 0
  def atom, do: :a
  def only_one(1), do: :one
  def map, do: %{a: 1}

  def cases do
    [
      div: fn -> div(10, zero()) end,
      rem: fn -> rem(10, zero()) end,
      plus: fn -> atom() + zero() end,
      minus: fn -> zero() - atom() end,
      times: fn -> atom() * atom() end,
      negate: fn -> -atom() end,
      badmatch: fn -> {:ok, _} = Enum.at([:error], 0) end,
      case_clause: fn -> case zero() do 1 -> :one end end,
      cond_clause: fn -> cond do zero() == 1 -> :one end end,
      with_clause: fn -> with {:ok, x} <- zero() do x else :nope -> :nope end end,
      function_clause: fn -> only_one(zero()) end,
      undef: fn -> apply(Probe, :nope, [1]) end,
      badkey: fn -> map().b end,
      fetch: fn -> Map.fetch!(map(), :b) end,
      badmap: fn -> Map.get(zero(), :a) end,
      badfun: fn -> f = zero(); f.() end,
      badbool: fn -> zero() and true end,
      raise: fn -> raise "plain" end,
      throw: fn -> throw(:ball) end,
      erlang_error: fn -> :erlang.error(:my_reason) end
    ]
  end
end

for {name, fun} <- Probe.cases() do
  try do
    fun.()
  catch
    kind, reason ->
      top =
        case __STACKTRACE__ do
          [{:erlang, _, _, _} = entry | _] -> entry
          _ -> :no_builtin_entry
        end

      IO.inspect({name, kind, reason}, label: "catch")
      IO.inspect(top, label: "  top")
      IO.puts("  rescue: " <> inspect(Exception.normalize(kind, reason, __STACKTRACE__)))
      IO.puts("  " <> Exception.format_banner(kind, reason, __STACKTRACE__))
  end
end
