# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'detail_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QScrollArea, QSizePolicy, QSpacerItem, QToolButton,
    QVBoxLayout, QWidget)

class Ui_DetailPanel(object):
    def setupUi(self, DetailPanel):
        if not DetailPanel.objectName():
            DetailPanel.setObjectName(u"DetailPanel")
        DetailPanel.resize(600, 260)
        self.main_layout = QVBoxLayout(DetailPanel)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(0, -1, 0, -1)
        self.heading_label = QLabel(DetailPanel)
        self.heading_label.setObjectName(u"heading_label")
        self.heading_label.setWordWrap(True)
        self.heading_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.heading_label)

        self.actions_layout = QHBoxLayout()
        self.actions_layout.setObjectName(u"actions_layout")
        self.weigh_button = QToolButton(DetailPanel)
        self.weigh_button.setObjectName(u"weigh_button")
        self.weigh_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.actions_layout.addWidget(self.weigh_button)

        self.inspect_button = QToolButton(DetailPanel)
        self.inspect_button.setObjectName(u"inspect_button")
        self.inspect_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.actions_layout.addWidget(self.inspect_button)

        self.release_button = QToolButton(DetailPanel)
        self.release_button.setObjectName(u"release_button")
        self.release_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.actions_layout.addWidget(self.release_button)

        self.hold_button = QToolButton(DetailPanel)
        self.hold_button.setObjectName(u"hold_button")
        self.hold_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.actions_layout.addWidget(self.hold_button)

        self.refuse_button = QToolButton(DetailPanel)
        self.refuse_button.setObjectName(u"refuse_button")
        self.refuse_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.actions_layout.addWidget(self.refuse_button)

        self.actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions_layout.addItem(self.actions_spacer)


        self.main_layout.addLayout(self.actions_layout)

        self.record_scroll = QScrollArea(DetailPanel)
        self.record_scroll.setObjectName(u"record_scroll")
        self.record_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.record_scroll.setWidgetResizable(True)
        self.record_widget = QWidget()
        self.record_widget.setObjectName(u"record_widget")
        self.record_layout = QVBoxLayout(self.record_widget)
        self.record_layout.setObjectName(u"record_layout")
        self.record_layout.setContentsMargins(0, 0, 0, 0)
        self.channel_label = QLabel(self.record_widget)
        self.channel_label.setObjectName(u"channel_label")
        self.channel_label.setWordWrap(True)
        self.channel_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.record_layout.addWidget(self.channel_label)

        self.facts_label = QLabel(self.record_widget)
        self.facts_label.setObjectName(u"facts_label")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.record_layout.addWidget(self.facts_label)

        self.blockers_label = QLabel(self.record_widget)
        self.blockers_label.setObjectName(u"blockers_label")
        self.blockers_label.setWordWrap(True)
        self.blockers_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.record_layout.addWidget(self.blockers_label)

        self.history_label = QLabel(self.record_widget)
        self.history_label.setObjectName(u"history_label")
        self.history_label.setWordWrap(True)
        self.history_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.record_layout.addWidget(self.history_label)

        self.record_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.record_layout.addItem(self.record_spacer)

        self.record_scroll.setWidget(self.record_widget)

        self.main_layout.addWidget(self.record_scroll)


        self.retranslateUi(DetailPanel)

        QMetaObject.connectSlotsByName(DetailPanel)
    # setupUi

    def retranslateUi(self, DetailPanel):
#if QT_CONFIG(accessibility)
        self.heading_label.setAccessibleName(QCoreApplication.translate("DetailPanel", u"Selected crossing", None))
#endif // QT_CONFIG(accessibility)
        self.heading_label.setText("")
#if QT_CONFIG(accessibility)
        self.record_scroll.setAccessibleName(QCoreApplication.translate("DetailPanel", u"The whole record of the crossing", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.channel_label.setAccessibleName(QCoreApplication.translate("DetailPanel", u"Channel and its reasons", None))
#endif // QT_CONFIG(accessibility)
        self.channel_label.setText("")
#if QT_CONFIG(accessibility)
        self.facts_label.setAccessibleName(QCoreApplication.translate("DetailPanel", u"Crossing details", None))
#endif // QT_CONFIG(accessibility)
        self.facts_label.setText("")
#if QT_CONFIG(accessibility)
        self.blockers_label.setAccessibleName(QCoreApplication.translate("DetailPanel", u"What stands before release", None))
#endif // QT_CONFIG(accessibility)
        self.blockers_label.setText("")
#if QT_CONFIG(accessibility)
        self.history_label.setAccessibleName(QCoreApplication.translate("DetailPanel", u"History of the crossing", None))
#endif // QT_CONFIG(accessibility)
        self.history_label.setText("")
        pass
    # retranslateUi

