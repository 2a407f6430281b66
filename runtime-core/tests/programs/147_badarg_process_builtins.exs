# The process built-ins given a bad argument: `:badarg` with the built-in's call on top, explained by rescue.
defmodule Probe do
  def one, do: 1

  def cases do
    [
      whereis: fn -> Process.whereis(one()) end,
      alive?: fn -> Process.alive?(one()) end,
      cancel_timer: fn -> Process.cancel_timer(one()) end,
      read_timer: fn -> Process.read_timer(one()) end,
      demonitor: fn -> Process.demonitor(one()) end,
      monitor: fn -> Process.monitor(one()) end,
      spawn: fn -> spawn(one()) end,
      spawn_link: fn -> spawn_link(one()) end,
      spawn_mfa: fn -> spawn(one(), :run, []) end,
      info: fn -> Process.info(one()) end,
      info_item: fn -> Process.info(one(), :links) end,
      send_after_to: fn -> Process.send_after(one(), :tick, 10) end,
      send_after_time: fn -> Process.send_after(self(), :tick, -one()) end,
      trap_exit: fn -> Process.flag(:trap_exit, one()) end,
      unlink: fn -> Process.unlink(one()) end,
      exit: fn -> Process.exit(one(), :normal) end,
      register: fn -> Process.register(one(), :some_name) end
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
      IO.puts("  " <> Exception.format_banner(kind, reason, __STACKTRACE__))
  end
end
