package io.tokenkeeper.app.base;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.AnnotationMetadata;

/**
 * The classes below a package that carry any of some annotations on the class or on a method: every class on the
 * class path there, interfaces, abstract and nested ones too, read from their class files without loading them.
 */
final class AnnotatedClasses {

    private AnnotatedClasses() {}

    static List<String> below(String basePackage, List<String> annotations) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> carriesAny(reader.getAnnotationMetadata(), annotations));
        var found = new ArrayList<String>();
        scanner.findCandidateComponents(basePackage).forEach(bean -> found.add(bean.getBeanClassName()));
        return found;
    }

    private static boolean carriesAny(AnnotationMetadata metadata, List<String> annotations) {
        return annotations.stream()
                .anyMatch(annotation -> metadata.isAnnotated(annotation) || metadata.hasAnnotatedMethods(annotation));
    }
}
