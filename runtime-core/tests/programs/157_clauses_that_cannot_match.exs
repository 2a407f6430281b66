# The Erlang compiler reports a clause its pattern matching can never select
# because an earlier clause without a guard takes everything it would: not
# only after a catch-all, but after a more general pattern in the same run of
# clauses (`{:get, :all}` after `{:get, key}`). Clauses separated by a
# variable pattern, guarded ones, pins, variables bound twice and maps are
# not reported.
defmodule Store do
  use GenServer

  def init(s), do: {:ok, s}

  def handle_call({:get, key}, _from, s), do: {:reply, Map.get(s, key), s}
  def handle_call({:put, key, v}, _from, s), do: {:reply, :ok, Map.put(s, key, v)}
  def handle_call({:get, :all}, _from, s), do: {:reply, s, s}

  def handle_info({:DOWN, _, :process, _, _}, s), do: {:noreply, s}
  def handle_info({:DOWN, ref, :process, pid, :normal}, s), do: {:noreply, {ref, pid, s}}
  def handle_info(_msg, s), do: {:noreply, s}

  def classify(x, pinned) do
    case x do
      {:a, y} when y > 1 -> {:big, y}
      {:a, 2} -> :two
      {:b, [1 | _]} -> :starts_with_one
      {:b, [1, 2]} -> :one_two
      {:c, 'ab'} -> :ab
      {:c, [?a | _]} -> :starts_with_a
      {:c, [97, 98]} -> :ab_again
      {:d, -1, 2.5} -> :d
      {:d, -1, 2.5} -> :d_again
      {:e, %{}} -> :map
      {:e, _} -> :anything
      {:e, 1} -> :one
      {:f, ^pinned} -> :pinned
      {:f, ^pinned} -> :pinned_again
      {z, z} -> :pair
      {1, 1} -> :ones
      "abc" -> :string
      "abc" -> :string_again
      [] -> :empty
      [_ | _] -> :list
      [] -> :empty_again
      _ -> :other
    end
  end

  def k(:a, x), do: x
  def k(y, _) when is_atom(y), do: y
  def k(:a, 1), do: 0
  def k(_, _), do: 0
end

{:ok, pid} = GenServer.start_link(Store, %{a: 1})
IO.inspect(GenServer.call(pid, {:get, :a}))
IO.inspect(GenServer.call(pid, {:get, :all}))
IO.inspect(Enum.map([{:a, 2}, {:b, [1, 2]}, {:c, 'ab'}, {:e, 1}, {:f, 3}, {2, 2}, "abc", []], &Store.classify(&1, 3)))
IO.inspect(Store.k(:a, 1))
