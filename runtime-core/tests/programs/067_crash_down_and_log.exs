# A spawned process that crashes: the logger's error report and the monitor's :DOWN reason.
defmodule Crash do
  def watch(fun) do
    {pid, ref} = spawn_monitor(fun)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} ->
        # Let the logger print its report before this process prints anything else.
        Process.sleep(50)
        reason
    end
  end

  def run do
    {exception, stack} = watch(fn -> raise ArgumentError, "bad input" end)
    IO.inspect(exception, label: "raise")
    IO.inspect(is_list(stack), label: "stacktrace is a list")

    {reason, _} = watch(fn -> throw(:ball) end)
    IO.inspect(reason, label: "throw")

    {reason, _} = watch(fn -> :erlang.error(:badarith) end)
    IO.inspect(reason, label: "erlang error")

    {reason, _} = watch(fn -> {:ok, _} = Enum.at([:error], 0) end)
    IO.inspect(reason, label: "match error")

    reason = watch(fn -> exit(:plain_exit) end)
    IO.inspect(reason, label: "exit is not logged")
  end
end

Crash.run()
