# A linked process calls a module that does not exist: the script dies with the :undef reason, shown as the exception.
defmodule Launcher do
  def run do
    spawn_link(fn -> Missing.Module.start(:now) end)
    Process.sleep(1000)
    IO.puts("not reached")
  end
end

IO.puts("start")
Launcher.run()
