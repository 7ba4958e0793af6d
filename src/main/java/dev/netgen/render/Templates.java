package dev.netgen.render;

import dev.netgen.core.NetgenException;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The FreeMarker set-up: strict (a missing value is an error, never an empty string), locale-neutral,
 * UTF-8. Templates ship in the jar under /templates; an override directory replaces them file by file.
 */
public final class Templates {
    private final Configuration cfg;
    private final Optional<Path> overrides;

    public Templates(Optional<Path> overrides) {
        this.overrides = overrides;
        overrides.ifPresent(dir -> {
            if (!Files.isDirectory(dir)) {
                throw NetgenException.usage("--templates " + dir + ": no such directory");
            }
        });
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
        cfg.setOutputEncoding(StandardCharsets.UTF_8.name());
        cfg.setLocale(Locale.ROOT);
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setLocalizedLookup(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        cfg.setTemplateLoader(loader());
        // Records' accessors read as properties too (${host.name}), so templates stay free of "()".
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        cfg.setObjectWrapper(wrapper.build());
    }

    private TemplateLoader loader() {
        TemplateLoader builtIn = new ClassTemplateLoader(Templates.class, "/templates");
        if (overrides.isEmpty()) {
            return builtIn;
        }
        try {
            return new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(overrides.get().toFile()), builtIn});
        } catch (IOException e) {
            throw NetgenException.usage("--templates " + overrides.get() + ": " + e.getMessage());
        }
    }

    public Template get(String name) {
        try {
            return cfg.getTemplate(name);
        } catch (freemarker.core.ParseException e) {
            throw NetgenException.template("template " + e.getTemplateName() + ":" + e.getLineNumber() + ":"
                    + e.getColumnNumber() + ": " + firstLine(e.getEditorMessage()), e);
        } catch (IOException e) {
            throw NetgenException.template("template " + name + ": cannot load: " + e.getMessage(), e);
        }
    }

    /** Renders a template with one typed root object. */
    public byte[] render(Template template, Object model) {
        StringWriter out = new StringWriter(4096);
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            throw NetgenException.template("template " + template.getSourceName() + ":" + e.getLineNumber() + ":"
                    + e.getColumnNumber() + ": " + firstLine(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw NetgenException.template("template " + template.getSourceName() + ": " + e.getMessage(), e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String firstLine(String s) {
        return s == null ? "error" : s.strip().lines().findFirst().orElse("error");
    }
}
