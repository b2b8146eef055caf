# Lit configuration for appsec-tidy's check tests.
# Parameter `form` picks the shipped form under test:
#   plugin  - stock clang-tidy-<N> --load=AppSecTidyModule.so (default), N the LLVM built against
#   binary  - the appsec-tidy executable
import os
import lit.formats

config.name = 'appsec-tidy (%s)' % lit_config.params.get('form', 'plugin')
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = ['.c', '.cpp']
config.excludes = ['Inputs', 'mocks', 'unit', 'clangd', 'install', 'bench', 'scan', 'fixture', 'fuzz', 'services']
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.appsec_build_dir, 'test', 'lit-' +
                                     lit_config.params.get('form', 'plugin'))

form = lit_config.params.get('form', 'plugin')
if form == 'plugin':
    tidy = '%s --load=%s' % (config.stock_clang_tidy, config.appsec_plugin)
elif form == 'binary':
    tidy = config.appsec_tidy
else:
    lit_config.fatal("unknown form '%s' (expected plugin or binary)" % form)
config.available_features.add('form-' + form)

config.environment['PATH'] = os.pathsep.join(
    [config.llvm_bindir, os.environ.get('PATH', '')])
config.environment['CLANG_NO_DEFAULT_CONFIG'] = '1'

runner = os.path.join(config.test_source_root, 'check_appsec_tidy.py')
config.substitutions.append(('%check_appsec_tidy',
    '%s %s --filecheck=%s --tidy="%s"' % (config.python, runner,
                                          os.path.join(config.llvm_bindir, 'FileCheck'),
                                          tidy)))
config.substitutions.append(('%appsec_tidy', tidy))
config.substitutions.append(('%mocks', os.path.join(config.test_source_root, 'mocks')))
config.substitutions.append(('%inputs', os.path.join(config.test_source_root, 'checks', 'Inputs')))
config.substitutions.append(('%python', config.python))
