# The exit reason of a process that crashed with an error: the Erlang term and the stack of the code that ran.
defmodule Deep do
  def zero, do: 0

  def outer(x) do
    y = middle(x)
    {:ok, y}
  end

  def middle(x) do
    z = inner(x)
    z + 1
  end

  def inner(x), do: div(100, x)

  def pick(:a), do: 1
  def pick(:b), do: 2

  def watch(fun) do
    {pid, ref} = spawn_monitor(fun)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} ->
        # Let the logger print its report first.
        Process.sleep(50)
        reason
    end
  end
end

IO.inspect(Deep.watch(fn -> Deep.outer(Deep.zero()) end), label: "div in a nested call")
IO.inspect(Deep.watch(fn -> Deep.pick(:c) end), label: "no clause")
IO.inspect(Deep.watch(fn -> Deep.nope() end), label: "undefined")
IO.inspect(Deep.watch(fn -> raise ArgumentError, "bad" end), label: "raise")

Process.flag(:trap_exit, true)
pid = spawn_link(fn -> Deep.outer(Deep.zero()) end)

receive do
  {:EXIT, ^pid, reason} ->
    Process.sleep(50)
    IO.inspect(reason, label: "linked")
end
